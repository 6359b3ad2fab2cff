/** The Wardline model-driven app: its name, and the sitemap areas and groups (tables by model key). */
export const app = {
  uniqueName: 'wl_Wardline',
  name: 'Wardline',
  description: 'Supervisors and council admins: watch the job queue, reallocate and reprioritise, maintain the catalogue, wards, assets, routing rules and people.',
  areas: [
    {
      key: 'work', label: 'Work',
      groups: [
        { key: 'queue', label: 'Queue', tables: ['task', 'taskUpdate'] },
        { key: 'people', label: 'People', tables: ['officer', 'wardMember', 'subscription'] },
      ],
    },
    {
      key: 'settings', label: 'Settings',
      groups: [
        { key: 'catalogue', label: 'Catalogue', tables: ['taskType', 'routingRule'] },
        { key: 'places', label: 'Places', tables: ['ward', 'asset'] },
        { key: 'delivery', label: 'Delivery', tables: ['outbox'] },
      ],
    },
  ],
} as const;
