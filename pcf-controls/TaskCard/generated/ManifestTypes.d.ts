/*
*This is auto generated from the ControlManifest.Input.xml file
*/

// Define IInputs and IOutputs Type. They should match with ControlManifest.
export interface IInputs {
    jobTitle: ComponentFramework.PropertyTypes.StringProperty;
    jobReference: ComponentFramework.PropertyTypes.StringProperty;
    jobTaskType: ComponentFramework.PropertyTypes.StringProperty;
    jobStatus: ComponentFramework.PropertyTypes.StringProperty;
    jobPriority: ComponentFramework.PropertyTypes.StringProperty;
    jobDueBy: ComponentFramework.PropertyTypes.DateTimeProperty;
    jobWard: ComponentFramework.PropertyTypes.StringProperty;
    jobAddress: ComponentFramework.PropertyTypes.StringProperty;
    jobAssignedOfficer: ComponentFramework.PropertyTypes.StringProperty;
    jobPhotos: ComponentFramework.PropertyTypes.StringProperty;
    jobLastUpdate: ComponentFramework.PropertyTypes.StringProperty;
    pageSize: ComponentFramework.PropertyTypes.WholeNumberProperty;
    jobs: ComponentFramework.PropertyTypes.DataSet;
}
export interface IOutputs {
}
